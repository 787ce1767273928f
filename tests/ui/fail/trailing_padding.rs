use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct RenderCommand {
    id: u64,
    z_index: i16,
}

fn main() {}
