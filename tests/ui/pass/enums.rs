//! Fieldless enums with an integer repr and a zero discriminant, however the
//! discriminants are written.

use arena_memory::ArenaPod;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u8)]
enum Implicit {
    First,
    Second,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(i8)]
enum NegativeThenZero {
    Minus = -1,
    Zero,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u16)]
enum ZeroLast {
    One = 1,
    Two = 2,
    Zero = 0,
}

const BASE: u32 = 4;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u32)]
enum FromConstants {
    Four = BASE,
    Zero = BASE - 4,
}

fn main() {
    let zeroed: Implicit = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Implicit::First);
    let zeroed: NegativeThenZero = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, NegativeThenZero::Zero);
    let zeroed: ZeroLast = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, ZeroLast::Zero);
    let zeroed: FromConstants = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, FromConstants::Zero);
    assert_eq!(bytemuck::bytes_of(&Implicit::Second), &[1]);
    assert_eq!(bytemuck::bytes_of(&FromConstants::Four), 4u32.to_ne_bytes());
}
