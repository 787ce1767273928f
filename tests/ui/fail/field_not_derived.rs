use arena_memory::ArenaPod;

#[derive(Clone, Copy)]
#[repr(C)]
struct Dimensions {
    width: f32,
    height: f32,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct LayoutElement {
    id: u32,
    dimensions: Dimensions,
}

fn main() {}
