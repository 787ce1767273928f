use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, align(16))]
struct CacheLine {
    hash: u64,
}

fn main() {}
