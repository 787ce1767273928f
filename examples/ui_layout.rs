//! The main demo: a small immediate-mode layout engine in the style of Clay,
//! run for a few thousand frames on one arena, then the same program on std
//! collections, with a report.
//!
//! ```text
//! cargo run --release --example ui_layout [-- --elements N --frames N --arena-bytes N --svg FILE --threads N]
//! ```
//!
//! Every frame declares a dashboard (a header, a sidebar, a scrolling feed
//! of a few hundred rows whose numbers change, a footer) into ephemeral
//! `ArenaVec`s and `ArenaStr`s, lays it out, produces render commands, and
//! resets the frame arena in O(1). Two persistent `ArenaHashMap`s carry element
//! bounds and measured text sizes from frame to frame. A counting global
//! allocator shows that a steady-state frame makes no heap allocation.
//!
//! With `--threads N`, the arena engine runs twice more with a parallel pass
//! in every frame: the frame's labels are wrapped at the feed's width (line
//! widths and the broken text, as a renderer needs them) on worker arenas
//! split from the frame (`Arena::split`), once on 1 worker and once on N, one
//! scoped thread each; the main thread reads the results after the join.
//!
//! The engine is in `ui_layout/engine.rs` (the test
//! `tests/ui_layout_steady_state.rs` runs the same file), the dashboard in
//! `ui_layout/dashboard.rs`, the std version in `ui_layout/std_engine.rs`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use arena_memory::{Arena, ArenaError, ArenaStr, ArenaVec};

#[path = "ui_layout/dashboard.rs"]
mod dashboard;
#[path = "ui_layout/engine.rs"]
mod engine;
#[path = "ui_layout/std_engine.rs"]
mod std_engine;

use engine::{wrap_lines, Capacities, CommandKind, Element, Engine, RenderCommand, Stats};
use std_engine::StdEngine;

// ----- the counting global allocator ------------------------------------------------

#[path = "ui_layout/counting.rs"]
mod counting;

use counting::{Counting, ALLOCATIONS};

#[global_allocator]
static GLOBAL: Counting = Counting;

// ----- options ------------------------------------------------------------------------

const DEFAULT_ELEMENTS: usize = 2000;
const DEFAULT_FRAMES: u32 = 3000;
/// Frames not counted in the steady-state figures: the first frames fill the
/// caches (and the std engine's buffers grow to size).
const WARM_UP_FRAMES: u32 = 10;

const USAGE: &str = "\
usage: cargo run --release --example ui_layout -- [options]

Runs a Clay-style immediate-mode layout for a number of frames on one arena
(persistent maps + an ephemeral frame region reset every frame), then the same
program on std collections, and prints a report.

options:
  --elements N      elements declared per frame, at least 36 (default 2000:
                    393 feed rows of 5 elements, rounded down to whole rows)
  --frames N        frames to run (default 3000)
  --arena-bytes N   the arena's size in bytes (default: computed from --elements)
  --svg FILE        write the last frame's render commands as an SVG picture
  --threads N       also run the arena engine with a parallel label pass per
                    frame on worker arenas, on 1 and on N threads, and report
                    both (the arena grows by 192 bytes per element for it)
  --help            print this help";

/// The options that take a value (all of them but `--help`).
const OPTIONS_WITH_A_VALUE: [&str; 5] = [
    "--elements",
    "--frames",
    "--arena-bytes",
    "--svg",
    "--threads",
];

/// What the command line asked for.
#[derive(Debug)]
struct Options {
    elements: usize,
    frames: u32,
    arena_bytes: Option<usize>,
    svg: Option<PathBuf>,
    /// The worker threads of the parallel label pass, if asked for.
    threads: Option<usize>,
}

/// Parses the arguments after the program name; `Ok(None)` for `--help`.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut options = Options {
        elements: DEFAULT_ELEMENTS,
        frames: DEFAULT_FRAMES,
        arena_bytes: None,
        svg: None,
        threads: None,
    };
    while let Some(arg) = args.next() {
        let (flag, inline_value) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        if flag == "--help" || flag == "-h" {
            return Ok(None);
        }
        // Name the unknown option before asking it for a value.
        if !OPTIONS_WITH_A_VALUE.contains(&flag.as_str()) {
            return Err(if flag.starts_with('-') {
                format!("unknown option `{flag}`")
            } else {
                format!("unexpected argument `{flag}`")
            });
        }
        let Some(value) = inline_value.or_else(|| args.next()) else {
            return Err(format!("{flag} needs a value"));
        };
        match flag.as_str() {
            "--elements" => {
                options.elements = parse_number(&flag, &value)?;
                let least = dashboard::elements_for(1);
                if options.elements < least {
                    return Err(format!(
                        "--elements must be at least {least}: the header, sidebar and footer \
                         take {} elements and each feed row {}",
                        dashboard::FIXED_ELEMENTS,
                        dashboard::ELEMENTS_PER_ROW,
                    ));
                }
            }
            "--frames" => {
                options.frames = parse_number(&flag, &value)?;
                if options.frames == 0 {
                    return Err("--frames must be at least 1".to_owned());
                }
            }
            "--arena-bytes" => options.arena_bytes = Some(parse_number(&flag, &value)?),
            "--svg" => options.svg = Some(PathBuf::from(value)),
            "--threads" => {
                let threads: usize = parse_number(&flag, &value)?;
                if threads == 0 || threads > MAX_THREADS {
                    return Err(format!("--threads must be from 1 to {MAX_THREADS}"));
                }
                options.threads = Some(threads);
            }
            _ => return Err(format!("unknown option `{flag}`")),
        }
    }
    Ok(Some(options))
}

fn parse_number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .replace('_', "")
        .parse()
        .map_err(|_| format!("{flag} needs a whole number, not `{value}`"))
}

/// The arena size used when `--arena-bytes` is not given. The persistent maps
/// and the frame's peak grow linearly with the element count: at 2,000
/// elements, 528 KiB persistent and 214 KiB per frame, about 380 bytes per
/// element; the maps' tables round up to a power of two, which can double the
/// persistent part. So: 576 bytes per element, and 128 KiB.
fn default_arena_bytes(elements: usize) -> usize {
    128 * 1024 + elements.saturating_mul(576)
}

// ----- running the engines ------------------------------------------------------------

/// Times and counts a window of work.
struct Window {
    started: Instant,
    allocations: usize,
}

impl Window {
    fn open() -> Window {
        Window {
            allocations: ALLOCATIONS.load(Ordering::Relaxed),
            started: Instant::now(),
        }
    }

    /// The time since `open` and the allocations made meanwhile.
    fn close(self) -> (Duration, usize) {
        let elapsed = self.started.elapsed();
        let allocations = ALLOCATIONS.load(Ordering::Relaxed) - self.allocations;
        (elapsed, allocations)
    }
}

/// The last frame's render commands and texts, copied out of the engine.
#[derive(Debug, PartialEq)]
struct Snapshot {
    elements: Vec<Element>,
    commands: Vec<RenderCommand>,
    labels: Vec<String>,
}

/// What one engine's run measured.
#[derive(Debug)]
struct Run {
    /// Time of each frame.
    times: Vec<Duration>,
    /// Allocations made by the frames after the warm-up.
    steady_allocations: usize,
    stats: Stats,
    last_frame: Snapshot,
    /// The lines the last frame's parallel label pass found (0 without it).
    wrapped_lines: usize,
}

impl Run {
    fn new(frames: u32) -> Run {
        Run {
            times: Vec::with_capacity(frames as usize),
            steady_allocations: 0,
            stats: Stats::default(),
            last_frame: Snapshot {
                elements: Vec::new(),
                commands: Vec::new(),
                labels: Vec::new(),
            },
            wrapped_lines: 0,
        }
    }

    /// Adds frame `n`'s time and allocations.
    fn record(&mut self, n: u32, (time, allocations): (Duration, usize)) {
        self.times.push(time);
        if n >= WARM_UP_FRAMES {
            self.steady_allocations += allocations;
        }
    }
}

/// The arena's figures.
#[derive(Debug)]
struct ArenaFigures {
    bytes: usize,
    capacity: usize,
    persistent: usize,
    peak_ephemeral: usize,
    capacities: Capacities,
    map_sizes: [(usize, usize); 2],
    /// Elements of the last frame whose box in the persistent bounds map,
    /// read after the frames, is the one they were laid out with.
    bounds_kept: usize,
}

/// Why the arena run failed: the error, where, and the arena's capacity if
/// it was made.
#[derive(Debug)]
struct RunError {
    error: ArenaError,
    context: String,
    capacity: Option<usize>,
}

/// Runs the dashboard on the arena engine, in an arena of at least
/// `arena_bytes` bytes.
fn run_arena(options: &Options, arena_bytes: usize) -> Result<(Run, ArenaFigures), RunError> {
    run_arena_with(options, arena_bytes, 0)
}

/// Runs the dashboard on the arena engine, with the parallel label pass on
/// `threads` workers in every frame (none for 0).
fn run_arena_with(
    options: &Options,
    arena_bytes: usize,
    threads: usize,
) -> Result<(Run, ArenaFigures), RunError> {
    let arena = Arena::try_with_capacity(arena_bytes).map_err(|error| RunError {
        error,
        context: "making the arena".to_owned(),
        capacity: None,
    })?;
    run_on(options, &arena, arena_bytes, threads).map_err(|error| RunError {
        capacity: Some(arena.capacity()),
        ..error
    })
}

/// Runs the dashboard on the arena engine, in `arena`.
fn run_on(
    options: &Options,
    arena: &Arena<'_>,
    arena_bytes: usize,
    threads: usize,
) -> Result<(Run, ArenaFigures), RunError> {
    let rows = dashboard::rows_for(options.elements);
    let context = |what: &str| {
        let what = what.to_owned();
        move |error| RunError {
            error,
            context: what,
            capacity: None,
        }
    };
    let requested = Capacities::for_elements(dashboard::elements_for(rows));
    let mut engine = Engine::new_in(requested, arena).map_err(context(
        "making the persistent maps (the bounds map and the text cache)",
    ))?;
    let persistent = arena.used();
    let map_sizes = engine.map_sizes();
    let mut frame = arena
        .try_ephemeral()
        .map_err(context("making the ephemeral region"))?;

    let mut run = Run::new(options.frames);
    for n in 0..options.frames {
        let window = Window::open();
        let mut ui = engine
            .begin_frame(&frame, dashboard::input_for(n))
            .map_err(|error| frame_error(error, n))?;
        dashboard::declare(&mut ui, n, rows).map_err(|error| frame_error(error, n))?;
        let laid_out = ui.end_frame().map_err(|error| frame_error(error, n))?;
        if threads > 0 {
            let wrapped = wrap_labels_in_parallel(&frame, &laid_out.labels, threads)
                .map_err(|error| frame_error(error, n))?;
            run.wrapped_lines = wrapped;
        }
        let (mut time, mut allocations) = window.close();
        if n + 1 == options.frames {
            // Outside the measured window: this copy allocates.
            run.last_frame = Snapshot {
                elements: laid_out.elements.to_vec(),
                commands: laid_out.commands.to_vec(),
                labels: laid_out
                    .labels
                    .iter()
                    .map(|&label| label.to_owned())
                    .collect(),
            };
        }
        let window = Window::open();
        frame.reset();
        let (reset_time, reset_allocations) = window.close();
        time += reset_time;
        allocations += reset_allocations;
        run.record(n, (time, allocations));
    }
    let peak_ephemeral = frame.peak();
    drop(frame);
    let bounds_kept = run
        .last_frame
        .elements
        .iter()
        .filter(|element| engine.bounds_of(element.id) == Some(element.bounds))
        .count();
    run.stats = engine.stats();
    let capacities = Capacities {
        bounds: map_sizes[0].1,
        texts: map_sizes[1].1,
        ..requested
    };
    let figures = ArenaFigures {
        bytes: arena_bytes,
        capacity: arena.capacity(),
        persistent,
        peak_ephemeral,
        capacities,
        map_sizes: engine.map_sizes(),
        bounds_kept,
    };
    Ok((run, figures))
}

fn frame_error(error: ArenaError, n: u32) -> RunError {
    RunError {
        error,
        context: format!("running frame {n}"),
        capacity: None,
    }
}

/// Runs the dashboard on the std engine, with the arena maps' capacities so
/// that both engines evict the same entries.
fn run_std(options: &Options, capacities: Capacities) -> Run {
    let rows = dashboard::rows_for(options.elements);
    let mut engine = StdEngine::new(capacities);
    let mut run = Run::new(options.frames);
    for n in 0..options.frames {
        let window = Window::open();
        engine.begin_frame(dashboard::input_for(n));
        // The std engine never fails: its `Ui` methods return `Ok` always.
        let declared = dashboard::declare(&mut engine, n, rows);
        debug_assert!(declared.is_ok());
        let laid_out = engine.end_frame();
        let measured = window.close();
        if n + 1 == options.frames {
            run.last_frame = Snapshot {
                elements: laid_out.elements.to_vec(),
                commands: laid_out.commands.to_vec(),
                labels: laid_out.labels.to_vec(),
            };
        }
        run.record(n, measured);
    }
    run.stats = engine.stats();
    run
}

/// The bytes this workload needs, found by running its first frames in a
/// generous arena: persistent bytes plus the frames' peak.
fn bytes_needed(options: &Options) -> Option<usize> {
    let probe = Options {
        frames: options.frames.min(64),
        svg: None,
        ..*options
    };
    let generous = default_arena_bytes(options.elements).saturating_mul(4);
    let (_, figures) = run_arena(&probe, generous).ok()?;
    Some(figures.persistent + figures.peak_ephemeral)
}

// ----- the parallel label pass (--threads) ---------------------------------------------------

/// The font size and width the label pass wraps at: a feed row's text column.
const WRAP_FONT_SIZE: u8 = 14;
const WRAP_WIDTH: f32 = 160.0;

/// One label, wrapped: the width of each line, and the text with a line break
/// where the renderer breaks it. Both in a worker's memory.
#[derive(Clone, Copy, Debug)]
struct Wrapped<'w> {
    widths: &'w [f32],
    text: &'w str,
}

/// One worker's share of the pass. An `ArenaVec` or `ArenaStr` holds
/// `&Arena`, so it cannot leave the thread; its contents can
/// (`into_slice`, `into_str`), borrowing the worker.
fn wrap_labels<'w>(
    worker: &'w Arena<'_>,
    labels: &[&str],
) -> Result<&'w [Wrapped<'w>], ArenaError> {
    let mut out = ArenaVec::try_with_capacity_in(labels.len(), worker)?;
    for label in labels {
        let mut widths = ArenaVec::new_in(worker);
        let mut text = ArenaStr::try_with_capacity_in(label.len() + 4, worker)?;
        let mut result = Ok(());
        wrap_lines(label, WRAP_FONT_SIZE, WRAP_WIDTH, |line, width| {
            if result.is_ok() {
                result = widths.try_push(width).and_then(|()| {
                    if !text.is_empty() {
                        text.try_push('\n')?;
                    }
                    text.try_push_str(line)
                });
            }
        });
        result?;
        out.try_push(Wrapped {
            widths: widths.into_slice(),
            text: text.into_str(),
        })?;
    }
    Ok(out.into_slice())
}

/// The most worker threads `--threads` takes: the pass keeps its results
/// and thread handles in arrays of this size, so that it makes no heap call
/// of its own.
const MAX_THREADS: usize = 16;

/// Wraps `labels` on `threads` workers split from `frame`: worker 0 on this
/// thread, the others on scoped threads (none for 1 worker); the results are
/// read here after the join (the lines counted, each checked against its
/// label). Returns the number of lines.
fn wrap_labels_in_parallel(
    frame: &Arena<'_>,
    labels: &[&str],
    threads: usize,
) -> Result<usize, ArenaError> {
    let mut workers = frame.try_split(threads)?;
    let share = labels.len().div_ceil(threads).max(1);
    let mut chunks = labels.chunks(share);
    let mut parts: [Option<Result<&[Wrapped<'_>], ArenaError>>; MAX_THREADS] = [None; MAX_THREADS];
    let Some((first, others)) = workers.split_first_mut() else {
        return Ok(0);
    };
    let first_chunk = chunks.next().unwrap_or(&[]);
    if others.is_empty() {
        parts[0] = Some(wrap_labels(first, first_chunk));
    } else {
        std::thread::scope(|s| {
            let mut handles: [Option<_>; MAX_THREADS] = std::array::from_fn(|_| None);
            for ((handle, worker), chunk) in handles[1..].iter_mut().zip(others).zip(chunks) {
                *handle = Some(s.spawn(move || wrap_labels(worker, chunk)));
            }
            parts[0] = Some(wrap_labels(first, first_chunk));
            for (part, handle) in parts.iter_mut().zip(handles) {
                if let Some(handle) = handle {
                    *part = Some(handle.join().expect("a label worker panicked"));
                }
            }
        });
    }
    let mut lines = 0;
    let mut wrapped_labels = labels.iter();
    for part in parts.into_iter().flatten() {
        for wrapped in part? {
            let label = wrapped_labels.next().expect("one result per label");
            debug_assert_eq!(wrapped.text.replace('\n', " ").len(), label.len());
            debug_assert_eq!(wrapped.text.lines().count(), wrapped.widths.len());
            lines += wrapped.widths.len();
        }
    }
    drop(workers);
    Ok(lines)
}

/// Runs the arena engine with the label pass on 1 and on `threads` workers:
/// `(threads, run)` for each.
fn run_parallel_passes(
    options: &Options,
    arena_bytes: usize,
    threads: usize,
) -> Result<Vec<(usize, Run)>, RunError> {
    let mut runs = Vec::new();
    let mut counts = vec![1];
    if threads > 1 {
        counts.push(threads);
    }
    for count in counts {
        let (run, _) = run_arena_with(options, arena_bytes, count)?;
        runs.push((count, run));
    }
    Ok(runs)
}

/// The report's section for `--threads`.
fn parallel_report(plain: &Run, runs: &[(usize, Run)]) -> String {
    let mut out = String::new();
    let line = &mut out;
    let _ = writeln!(line);
    let _ = writeln!(
        line,
        "parallel label pass: every frame wraps its {} labels (at {WRAP_WIDTH} px, {WRAP_FONT_SIZE} px font) on worker arenas split from the frame",
        plain.last_frame.labels.len(),
    );
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}{:>20}",
        "", "time / frame", "vs no pass", "heap calls / frame"
    );
    let base = median(&plain.times).as_secs_f64().max(1e-12);
    for (threads, run) in runs {
        let _ = writeln!(
            line,
            "{:<34}{:>14}{:>13.2}x{:>20}   {} lines in the last frame",
            format!("{threads} worker{}", if *threads == 1 { "" } else { "s" }),
            micros(median(&run.times)),
            median(&run.times).as_secs_f64() / base,
            per_frame(run.steady_allocations, run.times.len() as u32),
            grouped(run.wrapped_lines as u64),
        );
    }
    let _ = writeln!(
        line,
        "(worker 0 runs on the frame's thread, each other worker on a thread of a \
         std::thread::scope made every frame: the heap calls are the scope's and the \
         spawns'; the workers and the pass make none)"
    );
    out
}

// ----- the report -----------------------------------------------------------------------

fn median(times: &[Duration]) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied().unwrap_or_default()
}

fn worst(times: &[Duration]) -> Duration {
    times.iter().copied().max().unwrap_or_default()
}

fn micros(time: Duration) -> String {
    let tenths = (time.as_nanos() + 50) / 100;
    format!("{}.{} µs", grouped(tenths as u64 / 10), tenths % 10)
}

/// The time that `percent` % of the frames took at most.
fn percentile(times: &[Duration], percent: usize) -> Duration {
    let mut sorted = times.to_vec();
    sorted.sort_unstable();
    let rank = (sorted.len() * percent).div_ceil(100).max(1);
    sorted.get(rank - 1).copied().unwrap_or_default()
}

fn kib(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10 + 512) / 1024;
    format!("{}.{} KiB", grouped(tenths / 10), tenths % 10)
}

/// `1234567` as `1,234,567`.
fn grouped(number: u64) -> String {
    let digits = number.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

fn per_frame(allocations: usize, frames: u32) -> String {
    if frames <= WARM_UP_FRAMES {
        "n/a".to_owned()
    } else {
        let mean = allocations as f64 / f64::from(frames - WARM_UP_FRAMES);
        if mean == 0.0 {
            "0".to_owned()
        } else if mean >= 100.0 {
            grouped(mean.round() as u64)
        } else {
            format!("{mean:.1}")
        }
    }
}

fn report(options: &Options, arena: &Run, figures: &ArenaFigures, std: &Run) -> String {
    let rows = dashboard::rows_for(options.elements);
    let elements = dashboard::elements_for(rows);
    let mut out = String::new();
    let line = &mut out;
    let _ = writeln!(
        line,
        "ui_layout: {} frame{} of a Clay-style layout, {} elements ({rows} feed row{}) in {}x{}",
        grouped(options.frames.into()),
        if options.frames == 1 { "" } else { "s" },
        grouped(elements as u64),
        if rows == 1 { "" } else { "s" },
        dashboard::VIEWPORT.width,
        dashboard::VIEWPORT.height,
    );
    let _ = writeln!(line);
    let _ = writeln!(line, "{:<34}{:>14}{:>14}", "", "arena", "std");
    let (arena_median, std_median) = (median(&arena.times), median(&std.times));
    let ratio = std_median.as_secs_f64() / arena_median.as_secs_f64().max(1e-12);
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}   std / arena: {ratio:.2}x",
        "time per frame, median",
        micros(arena_median),
        micros(std_median),
    );
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}",
        "time per frame, 99th percentile",
        micros(percentile(&arena.times, 99)),
        micros(percentile(&std.times, 99)),
    );
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}",
        "time per frame, worst",
        micros(worst(&arena.times)),
        micros(worst(&std.times)),
    );
    let steady = if options.frames > WARM_UP_FRAMES {
        format!(
            "   (frames {WARM_UP_FRAMES} to {}, after warm-up)",
            options.frames - 1
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}{steady}",
        "heap allocations per frame",
        per_frame(arena.steady_allocations, options.frames),
        per_frame(std.steady_allocations, options.frames),
    );
    let same = if arena.last_frame == std.last_frame {
        "   same boxes and commands"
    } else {
        "   DIFFERENT boxes or commands"
    };
    let _ = writeln!(
        line,
        "{:<34}{:>14}{:>14}{same}",
        "render commands, last frame",
        arena.last_frame.commands.len(),
        std.last_frame.commands.len(),
    );
    let _ = writeln!(line);
    let stats = &arena.stats;
    let [(bounds_len, bounds_cap), (texts_len, texts_cap)] = figures.map_sizes;
    let boxes = arena.last_frame.elements.len();
    // Ids are 32-bit hashes, as in Clay: with 100,000 elements a frame a few
    // pairs collide (about n^2 / 2^33 of them). Both engines keep the later
    // box of a shared id, so the earlier element's box cannot be read back.
    let ids: std::collections::HashSet<u32> = arena
        .last_frame
        .elements
        .iter()
        .map(|element| element.id)
        .collect();
    let shared = boxes - ids.len();
    let collisions = match shared {
        0 => String::new(),
        1 => "; 1 element has the id of an earlier one (a 32-bit id collision: \
              the later box is kept)"
            .to_owned(),
        n => format!(
            "; {n} elements have the id of an earlier one (32-bit id collisions: \
             the later box is kept)"
        ),
    };
    let read_back = if figures.bounds_kept == boxes {
        format!(
            "all {} boxes of the last frame read back",
            grouped(boxes as u64)
        )
    } else if figures.bounds_kept == ids.len() {
        format!(
            "{} of the last frame's {} boxes read back{collisions}",
            grouped(figures.bounds_kept as u64),
            grouped(boxes as u64)
        )
    } else {
        format!(
            "ONLY {} of the last frame's {} boxes read back{collisions}",
            grouped(figures.bounds_kept as u64),
            grouped(boxes as u64)
        )
    };
    let memory_and_caches: [(&str, String, String); 6] = [
        (
            "arena capacity",
            kib(figures.capacity),
            format!("--arena-bytes {}", figures.bytes),
        ),
        (
            "persistent bytes",
            kib(figures.persistent),
            format!(
                "bounds map and text cache, room for {} and {} entries; scroll state",
                grouped(bounds_cap as u64),
                grouped(texts_cap as u64),
            ),
        ),
        (
            "peak ephemeral bytes",
            kib(figures.peak_ephemeral),
            "one frame: elements, children, labels, render commands".to_owned(),
        ),
        (
            "text cache hit rate",
            format!("{:.1} %", stats.text_hit_rate() * 100.0),
            format!(
                "{} lookups; {} texts evicted, {} not cached; {} cached now",
                grouped(stats.text_lookups),
                grouped(stats.text_evicted),
                grouped(stats.text_uncached),
                grouped(texts_len as u64),
            ),
        ),
        (
            "bounds map ids",
            grouped(bounds_len as u64),
            format!(
                "{} evicted, {} not recorded; {read_back}",
                grouped(stats.bounds_evicted),
                grouped(stats.bounds_dropped),
            ),
        ),
        (
            "stale-entry sweeps",
            grouped(stats.sweeps),
            format!(
                "on a full map, entries unseen for more than {} frames go",
                engine::STALE_AFTER_FRAMES
            ),
        ),
    ];
    for (name, value, note) in memory_and_caches {
        let _ = writeln!(line, "{name:<34}{value:>14}   {note}");
    }
    out
}

// ----- the SVG picture -------------------------------------------------------------------

fn xml_escape(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(ch),
        }
    }
}

fn fill(color: engine::Color) -> String {
    if color.a == 255 {
        format!("rgb({},{},{})", color.r, color.g, color.b)
    } else {
        format!(
            "rgba({},{},{},{:.3})",
            color.r,
            color.g,
            color.b,
            f32::from(color.a) / 255.0
        )
    }
}

/// The render commands as an SVG document: rectangles, text lines at their
/// positions (stretched to the measured width), and clip groups.
fn svg(snapshot: &Snapshot) -> String {
    let (width, height) = (dashboard::VIEWPORT.width, dashboard::VIEWPORT.height);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans Mono, monospace\" \
         xml:space=\"preserve\">"
    );
    let mut clips = 0;
    for command in &snapshot.commands {
        let b = command.bounds;
        match command.kind {
            CommandKind::Rectangle => {
                let _ = writeln!(
                    out,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"/>",
                    b.x,
                    b.y,
                    b.width,
                    b.height,
                    fill(command.color)
                );
            }
            CommandKind::Text => {
                let text = &snapshot.labels[command.label as usize];
                let size = command.font_size;
                let mut top = b.y;
                wrap_lines(text, size, b.width, |text_line, line_width| {
                    let _ = write!(
                        out,
                        "<text x=\"{}\" y=\"{}\" font-size=\"{size}\" fill=\"{}\" \
                         textLength=\"{line_width}\" lengthAdjust=\"spacingAndGlyphs\">",
                        b.x,
                        top + f32::from(size),
                        fill(command.color),
                    );
                    xml_escape(text_line, &mut out);
                    out.push_str("</text>\n");
                    top += engine::line_height(size);
                });
            }
            CommandKind::ClipStart => {
                clips += 1;
                let _ = writeln!(
                    out,
                    "<clipPath id=\"clip{clips}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" \
                     height=\"{}\"/></clipPath>\n<g clip-path=\"url(#clip{clips})\">",
                    b.x, b.y, b.width, b.height
                );
            }
            CommandKind::ClipEnd => out.push_str("</g>\n"),
        }
    }
    out.push_str("</svg>\n");
    out
}

// ----- main -------------------------------------------------------------------------------

fn main() -> ExitCode {
    let options = match parse_args(std::env::args().skip(1)) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let arena_bytes = options
        .arena_bytes
        .unwrap_or_else(|| default_arena_bytes(options.elements));

    let (arena_run, figures) = match run_arena(&options, arena_bytes) {
        Ok(result) => result,
        Err(RunError {
            error,
            context,
            capacity,
        }) => {
            eprintln!("error: {error}");
            eprintln!("  while {context}, with an arena of {arena_bytes} bytes");
            if let Some(capacity) = capacity.filter(|&capacity| capacity != arena_bytes) {
                eprintln!(
                    "  (Arena::try_with_capacity({arena_bytes}) made a block of {capacity} bytes: \
                     it rounds the size up to whole cache lines, 64 bytes by default)"
                );
            }
            match bytes_needed(&options) {
                Some(needed) => {
                    let suggestion = (needed + needed / 8).next_multiple_of(1024);
                    eprintln!(
                        "hint: this workload needs about {needed} bytes (persistent maps plus \
                         the frames' peak); try --arena-bytes {suggestion}"
                    );
                }
                None => eprintln!("hint: give the arena more bytes with --arena-bytes N"),
            }
            return ExitCode::FAILURE;
        }
    };
    let std_run = run_std(&options, figures.capacities);

    print!("{}", report(&options, &arena_run, &figures, &std_run));
    if let Some(threads) = options.threads {
        // Room for the pass: about 100 bytes per label, with slack.
        let bytes = options
            .arena_bytes
            .unwrap_or_else(|| arena_bytes + options.elements.saturating_mul(192));
        match run_parallel_passes(&options, bytes, threads) {
            Ok(runs) => print!("{}", parallel_report(&arena_run, &runs)),
            Err(RunError { error, context, .. }) => {
                eprintln!("error: {error}");
                eprintln!("  while {context} with the parallel label pass, in {bytes} bytes");
                return ExitCode::FAILURE;
            }
        }
    }
    if let Some(path) = &options.svg {
        match std::fs::write(path, svg(&arena_run.last_frame)) {
            Ok(()) => println!("{:<34}{}", "picture of the last frame", path.display()),
            Err(err) => {
                eprintln!("error: cannot write {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
