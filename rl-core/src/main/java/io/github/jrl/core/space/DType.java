package io.github.jrl.core.space;

/** Element types of space members, named as NumPy names them. */
public enum DType {
    INT8,
    INT32,
    INT64,
    FLOAT32,
    FLOAT64
}
