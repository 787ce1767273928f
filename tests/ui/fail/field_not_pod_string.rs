use arena_memory::ArenaPod;

#[derive(Clone, ArenaPod)]
#[repr(C)]
struct TextElement {
    id: u64,
    text: String,
}

fn main() {}
