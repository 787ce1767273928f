use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(packed)]
struct Packed {
    flag: u8,
    value: u32,
}

fn main() {}
