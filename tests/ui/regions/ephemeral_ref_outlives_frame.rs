// An ephemeral reference may not be stored in a value that outlives the frame.
use arena_memory::Arena;

struct Cache<'a> {
    last_label: Option<&'a str>,
}

fn main() {
    let arena = Arena::with_capacity(1024);
    let mut cache = Cache { last_label: None };
    {
        let frame = arena.ephemeral();
        cache.last_label = Some(frame.alloc_str("row 1"));
    }
    println!("{:?}", cache.last_label);
}
