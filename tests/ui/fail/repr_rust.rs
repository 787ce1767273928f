use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(Rust)]
struct Dimensions {
    width: f32,
    height: f32,
}

fn main() {}
