use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(u8)]
enum RenderCommand {
    None,
    Rectangle { width: f32, height: f32 },
}

fn main() {}
