use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Link {
    parent: *const Link,
    depth: usize,
}

fn main() {}
