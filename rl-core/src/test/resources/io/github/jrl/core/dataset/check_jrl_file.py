"""Checks with h5py that a file jrl wrote has the Minari layout. Arguments: the file, the number of
episodes, the observation width, the action width (0 for discrete int64 actions), each episode's
steps as a comma-separated list. Prints OK or the first problem (exit status 1)."""
import sys

import h5py
import numpy as np

path, episodes, obs_size, act_size, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), \
    [int(s) for s in sys.argv[5].split(",")]


def check(condition, message):
    if not condition:
        print(message)
        sys.exit(1)


with h5py.File(path, "r") as f:
    check(int(f.attrs["total_episodes"]) == episodes, f"total_episodes {f.attrs['total_episodes']}")
    check(int(f.attrs["total_steps"]) == sum(steps), f"total_steps {f.attrs['total_steps']}")
    for name in ["dataset_id", "env_spec", "algorithm_name", "minari_version", "ref_min_score", "ref_max_score"]:
        check(name in f.attrs, f"missing root attribute {name}")
    groups = sorted(k for k in f.keys() if k.startswith("episode_"))
    check(len(groups) == episodes, f"groups {groups}")
    for i in range(episodes):
        g = f[f"episode_{i}"]
        t = steps[i]
        check(int(g.attrs["id"]) == i and int(g.attrs["total_steps"]) == t, f"episode {i} attrs {dict(g.attrs)}")
        o = g["observations"]
        check(o.shape == (t + 1, obs_size) and o.dtype == np.float32, f"episode {i} observations {o.shape} {o.dtype}")
        a = g["actions"]
        if act_size == 0:
            check(a.shape == (t,) and a.dtype == np.int64, f"episode {i} actions {a.shape} {a.dtype}")
        else:
            check(a.shape == (t, act_size) and a.dtype == np.float32, f"episode {i} actions {a.shape} {a.dtype}")
        r = g["rewards"]
        check(r.shape == (t,) and r.dtype == np.float64, f"episode {i} rewards {r.shape} {r.dtype}")
        for flag in ["terminations", "truncations"]:
            d = g[flag]
            values = d[()]
            check(d.shape == (t,) and d.dtype == np.uint8 and set(np.unique(values)) <= {0, 1},
                  f"episode {i} {flag} {d.shape} {d.dtype} {values}")
        check(bool(g["terminations"][-1]) or bool(g["truncations"][-1]) or i == episodes - 1,
              f"episode {i} does not end")
print("OK")
