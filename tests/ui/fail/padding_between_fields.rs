use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct LayoutElement {
    id: u32,
    visible: bool,
    width: f32,
}

fn main() {}
