use arena_memory::ArenaPod;

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
union Value {
    integer: u32,
    float: f32,
}

fn main() {}
