use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
enum Alignment {
    Left,
    Center,
    Right,
}

fn main() {}
