use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(u8)]
enum Alignment {
    Left = 1,
    Center,
    Right,
}

fn main() {}
