"""Writes the Minari-layout fixtures MinariHdf5Test loads, as Minari 0.4's HDF5Storage writes them
with h5py: root metadata attributes (variable-length strings, int64 counts), one group per episode
with chunked, resizable datasets, bool flags (h5py's enum) and int64 discrete actions.

Run from this directory with /usr/bin/python3 (Debian's python3-h5py): python3 make_minari_fixtures.py
"""
import json

import h5py
import numpy as np


def episode(file, episode_id, observations, actions, rewards, terminations, truncations):
    group = file.create_group(f"episode_{episode_id}")
    group.attrs["id"] = episode_id
    group.attrs["total_steps"] = len(rewards[0])
    group.attrs["seed"] = 40 + episode_id
    for key, data in [("observations", observations), ("actions", actions), ("rewards", rewards),
                      ("terminations", terminations), ("truncations", truncations)]:
        data = np.asarray(data[0], dtype=data[1])
        group.create_dataset(key, data=data, chunks=True, maxshape=(None, *data.shape[1:]))


def root(file, dataset_id, env_id, action_space, episodes, steps):
    file.attrs["dataset_id"] = dataset_id
    file.attrs["env_spec"] = json.dumps({"id": env_id, "entry_point": "fixture", "max_episode_steps": 3})
    file.attrs["algorithm_name"] = "hand-written"
    file.attrs["author"] = "jrl tests"
    file.attrs["minari_version"] = "0.4.3"
    file.attrs["total_episodes"] = episodes
    file.attrs["total_steps"] = steps
    file.attrs["action_space"] = json.dumps(action_space)
    file.attrs["ref_min_score"] = -3.5
    file.attrs["ref_max_score"] = 12.25


with h5py.File("minari-discrete.hdf5", "w", track_order=True) as f:
    root(f, "fixture/discrete-v0", "Fixture-v0", {"type": "Discrete", "dtype": "int64", "start": 0, "n": 3}, 2, 5)
    episode(f, 0, ([[0.5, -1.0], [1.5, -2.0], [2.5, -3.0], [3.5, -4.0]], np.float32), ([2, 0, 1], np.int64),
            ([1.0, 0.5, -0.25], np.float64), ([False, False, True], bool), ([False, False, False], bool))
    episode(f, 1, ([[0.0, 0.0], [0.125, 8.0], [0.25, 16.0]], np.float32), ([1, 1], np.int64),
            ([2.0, 4.0], np.float64), ([False, False], bool), ([False, True], bool))

with h5py.File("minari-continuous.hdf5", "w", track_order=True) as f:
    root(f, "fixture/continuous-v0", "Fixture-v1",
         {"type": "Box", "dtype": "float32", "shape": [2], "low": [-1, -1], "high": [1, 1]}, 1, 2)
    episode(f, 0, ([[1.0], [2.0], [3.0]], np.float32), ([[0.5, -0.5], [-1.0, 1.0]], np.float32),
            ([0.75, -1.5], np.float64), ([False, True], bool), ([False, False], bool))
