use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Entry(u8, u64);

fn main() {}
