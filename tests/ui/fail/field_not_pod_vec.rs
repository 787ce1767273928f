use arena_memory::ArenaPod;

#[derive(Clone, ArenaPod)]
#[repr(C)]
struct Children {
    ids: Vec<u32>,
}

fn main() {}
