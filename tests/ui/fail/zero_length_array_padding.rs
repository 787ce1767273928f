use arena_memory::ArenaPod;

/// A zero-length array takes no bytes but still raises the alignment of what
/// follows: 3 bytes of padding sit after `kind`.
#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Marker {
    kind: u8,
    _align: [u32; 0],
    flags: u8,
}

fn main() {}
