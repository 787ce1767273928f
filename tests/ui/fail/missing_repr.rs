use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
struct Dimensions {
    width: f32,
    height: f32,
}

fn main() {}
