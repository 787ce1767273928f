//! `repr(transparent)` newtypes, plain and generic.

use arena_memory::ArenaPod;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(transparent)]
struct ElementId(u32);

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(transparent)]
struct Handle<T>(T);

fn main() {
    assert_eq!(bytemuck::bytes_of(&ElementId(1)), 1u32.to_ne_bytes());
    assert_eq!(bytemuck::bytes_of(&Handle(7u16)), 7u16.to_ne_bytes());
    let zeroed: Handle<ElementId> = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Handle(ElementId(0)));
}
