use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct Borrowed<'a> {
    text: &'a u8,
}

fn main() {}
