use arena_memory::ArenaPod;

#[derive(Clone, ArenaPod)]
#[repr(C)]
struct Dimensions {
    width: f32,
    height: f32,
}

fn main() {}
