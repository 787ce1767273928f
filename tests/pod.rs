//! Runtime behaviour of `#[derive(ArenaPod)]` types through bytemuck: byte
//! views, zeroed values, slices cast to bytes. Runs under Miri, which checks
//! that no byte read here is uninitialised.

use core::mem::size_of;
use core::num::NonZeroU32;

use arena_memory::ArenaPod;

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Dimensions {
    width: f32,
    height: f32,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(u8)]
enum LayoutDirection {
    LeftToRight = 0,
    TopToBottom = 1,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(i16)]
enum Sizing {
    Shrink = -1,
    Fit,
    Grow,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct LayoutElement {
    id: u32,
    parent: Option<NonZeroU32>,
    dimensions: Dimensions,
    direction: LayoutDirection,
    visible: bool,
    sizing: Sizing,
    children: [u16; 2],
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Rgba(u8, u8, u8, u8);

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(transparent)]
struct ElementId(u32);

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Vector2<T> {
    x: T,
    y: T,
}

#[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
#[repr(C, packed)]
struct PackedHeader {
    kind: u8,
    length: u32,
}

fn element() -> LayoutElement {
    LayoutElement {
        id: 0x0102_0304,
        parent: NonZeroU32::new(9),
        dimensions: Dimensions {
            width: 1.5,
            height: -2.0,
        },
        direction: LayoutDirection::TopToBottom,
        visible: true,
        sizing: Sizing::Shrink,
        children: [7, 8],
    }
}

/// Reads a native-endian `u32` at `offset`.
fn u32_at(bytes: &[u8], offset: usize) -> u32 {
    u32::from_ne_bytes(bytes[offset..offset + 4].try_into().unwrap())
}

#[test]
fn layout_element_bytes_hold_each_field_in_declaration_order() {
    let element = element();
    let bytes = bytemuck::bytes_of(&element);
    assert_eq!(bytes.len(), size_of::<LayoutElement>());
    assert_eq!(bytes.len(), 24);
    assert_eq!(u32_at(bytes, 0), 0x0102_0304);
    assert_eq!(u32_at(bytes, 4), 9);
    assert_eq!(f32::from_bits(u32_at(bytes, 8)), 1.5);
    assert_eq!(f32::from_bits(u32_at(bytes, 12)), -2.0);
    assert_eq!(bytes[16], 1, "direction TopToBottom");
    assert_eq!(bytes[17], 1, "visible");
    assert_eq!(i16::from_ne_bytes([bytes[18], bytes[19]]), -1, "sizing");
    assert_eq!(u16::from_ne_bytes([bytes[20], bytes[21]]), 7);
    assert_eq!(u16::from_ne_bytes([bytes[22], bytes[23]]), 8);
}

#[test]
fn zeroed_layout_element_is_all_zero_bytes_and_the_zero_variants() {
    let zeroed: LayoutElement = bytemuck::Zeroable::zeroed();
    assert!(bytemuck::bytes_of(&zeroed).iter().all(|&byte| byte == 0));
    assert_eq!(
        zeroed,
        LayoutElement {
            id: 0,
            parent: None,
            dimensions: Dimensions {
                width: 0.0,
                height: 0.0
            },
            direction: LayoutDirection::LeftToRight,
            visible: false,
            sizing: Sizing::Fit,
            children: [0; 2],
        }
    );
}

#[test]
fn bytes_round_trip_through_a_copy() {
    let original = element();
    let mut copy: LayoutElement = bytemuck::Zeroable::zeroed();
    // Write the copy through its fields from the original's bytes, which shows
    // the byte view carries every field.
    let bytes = bytemuck::bytes_of(&original);
    copy.id = u32_at(bytes, 0);
    copy.parent = NonZeroU32::new(u32_at(bytes, 4));
    copy.dimensions.width = f32::from_bits(u32_at(bytes, 8));
    copy.dimensions.height = f32::from_bits(u32_at(bytes, 12));
    copy.direction = original.direction;
    copy.visible = bytes[17] != 0;
    copy.sizing = original.sizing;
    copy.children = [
        u16::from_ne_bytes([bytes[20], bytes[21]]),
        u16::from_ne_bytes([bytes[22], bytes[23]]),
    ];
    assert_eq!(copy, original);
    assert_eq!(bytemuck::bytes_of(&copy), bytes);
}

#[test]
fn enum_bytes_are_the_discriminant() {
    assert_eq!(bytemuck::bytes_of(&LayoutDirection::LeftToRight), &[0]);
    assert_eq!(bytemuck::bytes_of(&LayoutDirection::TopToBottom), &[1]);
    assert_eq!(bytemuck::bytes_of(&Sizing::Grow), 1i16.to_ne_bytes());
    let zeroed: Sizing = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Sizing::Fit);
}

#[test]
fn bool_field_bytes_are_zero_or_one() {
    let mut element = element();
    element.visible = false;
    assert_eq!(bytemuck::bytes_of(&element)[17], 0);
    element.visible = true;
    assert_eq!(bytemuck::bytes_of(&element)[17], 1);
}

#[test]
fn cast_slice_of_elements_to_bytes_covers_every_element() {
    let mut second = element();
    second.id = 42;
    let elements = [element(), second];
    let bytes: &[u8] = bytemuck::cast_slice(&elements);
    assert_eq!(bytes.len(), 2 * size_of::<LayoutElement>());
    assert_eq!(u32_at(bytes, 0), 0x0102_0304);
    assert_eq!(u32_at(bytes, size_of::<LayoutElement>()), 42);
    assert_eq!(
        &bytes[size_of::<LayoutElement>()..],
        bytemuck::bytes_of(&second)
    );
}

#[test]
fn tuple_struct_and_transparent_newtype_bytes() {
    assert_eq!(bytemuck::bytes_of(&Rgba(1, 2, 3, 4)), &[1, 2, 3, 4]);
    assert_eq!(
        bytemuck::bytes_of(&ElementId(0xdead_beef)),
        0xdead_beef_u32.to_ne_bytes()
    );
    let ids = [ElementId(1), ElementId(2)];
    let id_bytes: &[u8] = bytemuck::cast_slice(&ids);
    assert_eq!(u32_at(id_bytes, 4), 2);
}

#[test]
fn generic_struct_bytes_and_zeroed() {
    let vector = Vector2 {
        x: Dimensions {
            width: 1.0,
            height: 2.0,
        },
        y: Dimensions {
            width: 3.0,
            height: 4.0,
        },
    };
    let bytes = bytemuck::bytes_of(&vector);
    assert_eq!(bytes.len(), 16);
    assert_eq!(f32::from_bits(u32_at(bytes, 12)), 4.0);
    let zeroed: Vector2<u8> = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Vector2 { x: 0, y: 0 });
}

#[test]
fn packed_struct_has_no_gap() {
    let header = PackedHeader {
        kind: 3,
        length: 0x0a0b_0c0d,
    };
    let bytes = bytemuck::bytes_of(&header);
    assert_eq!(bytes.len(), 5);
    assert_eq!(bytes[0], 3);
    assert_eq!(u32_at(bytes, 1), 0x0a0b_0c0d);
}

#[test]
fn nested_zeroed_equals_zeroed_of_parts() {
    let zeroed: Vector2<LayoutElement> = bytemuck::Zeroable::zeroed();
    let part: LayoutElement = bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Vector2 { x: part, y: part });
}

/// Every `ArenaPod` impl of the crate: zeroed is the type's zero value.
#[test]
fn primitive_impls_zero_to_their_zero_value() {
    fn zeroed<T: ArenaPod>() -> T {
        bytemuck::Zeroable::zeroed()
    }
    assert_eq!(zeroed::<u64>(), 0);
    assert_eq!(zeroed::<i128>(), 0);
    assert_eq!(zeroed::<f64>(), 0.0);
    assert!(!zeroed::<bool>());
    assert_eq!(zeroed::<char>(), '\0');
    zeroed::<()>();
    assert_eq!(zeroed::<[[u8; 3]; 2]>(), [[0; 3]; 2]);
    assert_eq!(zeroed::<Option<core::num::NonZeroI64>>(), None);
    assert_eq!(
        zeroed::<[LayoutDirection; 4]>(),
        [LayoutDirection::LeftToRight; 4]
    );
}

// ----- in the arena ---------------------------------------------------------------

#[test]
fn derived_types_round_trip_through_zeroed_arena_memory() {
    let mut arena = arena_memory::Arena::with_capacity(4096);
    // Dirty the memory first, so that zeroing is observable.
    arena.alloc_slice_fill(4096 / 8 - 8, u64::MAX);
    arena.reset();

    let zeroed = arena.try_alloc_zeroed::<LayoutElement>().unwrap();
    assert_eq!(*zeroed, bytemuck::Zeroable::zeroed());
    *zeroed = element();
    assert_eq!(bytemuck::bytes_of(&*zeroed), bytemuck::bytes_of(&element()));

    let many = arena.try_alloc_slice_zeroed::<LayoutElement>(5).unwrap();
    let zero: LayoutElement = bytemuck::Zeroable::zeroed();
    assert!(many.iter().all(|e| *e == zero));
    many[2] = element();
    let bytes: &[u8] = bytemuck::cast_slice(many);
    assert_eq!(bytes.len(), 5 * size_of::<LayoutElement>());
    let one = size_of::<LayoutElement>();
    assert_eq!(&bytes[2 * one..3 * one], bytemuck::bytes_of(&element()));
    assert!(bytes[..2 * one].iter().all(|&b| b == 0));

    let ids = arena.alloc_slice_zeroed::<Vector2<ElementId>>(3);
    assert_eq!(ids[1].y, ElementId(0));
    assert_eq!(*arena.alloc_zeroed::<Rgba>(), Rgba(0, 0, 0, 0));
}

#[test]
fn zeroed_allocation_fails_cleanly() {
    let arena = arena_memory::Arena::with_capacity(64);
    let used = arena.used();
    assert!(arena.try_alloc_slice_zeroed::<LayoutElement>(100).is_err());
    assert_eq!(
        arena.try_alloc_slice_zeroed::<u64>(usize::MAX / 4),
        Err(arena_memory::ArenaError::SizeOverflow)
    );
    assert_eq!(arena.used(), used);
}

#[test]
fn derived_types_round_trip_through_arena_vec_zeroed_and_as_bytes() {
    let arena = arena_memory::Arena::with_capacity(4096);
    let mut v = arena_memory::ArenaVec::from_slice_in(&[element()], &arena);
    v.try_resize_zeroed(4).unwrap();
    let zero: LayoutElement = bytemuck::Zeroable::zeroed();
    assert_eq!(v.as_slice(), &[element(), zero, zero, zero]);
    let one = size_of::<LayoutElement>();
    assert_eq!(v.as_bytes().len(), 4 * one);
    assert_eq!(&v.as_bytes()[..one], bytemuck::bytes_of(&element()));
    assert!(v.as_bytes()[one..].iter().all(|&b| b == 0));
    assert_eq!(v.as_bytes(), bytemuck::cast_slice::<_, u8>(v.as_slice()));
    v.try_resize_zeroed(1).unwrap();
    assert_eq!(v.as_slice(), &[element()]);
    // Too large: unchanged.
    assert!(v.try_resize_zeroed(10_000).is_err());
    assert_eq!(v.as_slice(), &[element()]);
}
