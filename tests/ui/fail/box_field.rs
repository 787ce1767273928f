use arena_memory::ArenaPod;

#[derive(Clone, ArenaPod)]
#[repr(C)]
struct Node {
    value: u64,
    next: Box<u64>,
}

fn main() {}
