use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
enum Alignment {
    Left,
    Center,
    Right,
}

fn main() {}
