use arena_memory::ArenaPod;

const FIRST: u8 = 1;

#[derive(Clone, Copy, ArenaPod)]
#[repr(u8)]
enum Alignment {
    Left = FIRST,
    Center,
    Right,
}

fn main() {}
