use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[arena(krate = "arena_memory")]
#[repr(C)]
struct Point {
    x: i32,
    y: i32,
}

fn main() {}
