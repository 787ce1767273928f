use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Label {
    text: &'static str,
}

fn main() {}
