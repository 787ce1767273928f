use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Tagged<T> {
    tag: u8,
    value: T,
}

fn main() {}
