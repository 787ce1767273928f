use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed(2))]
struct Header {
    kind: u8,
    length: u32,
}

fn main() {}
