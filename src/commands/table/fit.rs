//! Column widths that fit the terminal: how each column gives way, how many lines a cell takes
//! at a width, and the widths that cost the fewest lines.

/// How a column gives way when the table is wider than the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Give {
    /// Wrapped at spaces, as wide as the other columns leave it.
    #[default]
    Text,
    /// A person's name: given its whole width (up to [`NAME_ROOM`]) before the other columns get
    /// more than their longest word, so that «Erik Myhre» stays on one line.
    Name,
    /// An id such as `nkt-solide-svulster-barn`: kept whole after the names if it can be, else
    /// broken after a hyphen, so that it gives its room to the names.
    Id,
}

/// The widest a name is kept whole.
const NAME_ROOM: usize = 30;

/// The words a cell may break between: at spaces, and in an id after a hyphen too.
fn words(cell: &str, give: Give) -> impl Iterator<Item = &str> {
    cell.split([' ', '\n']).flat_map(move |w| {
        let pieces: Box<dyn Iterator<Item = &str>> = if give == Give::Id {
            Box::new(w.split_inclusive('-'))
        } else {
            Box::new(std::iter::once(w))
        };
        pieces
    })
}

/// An id cell laid out in lines of at most `width` characters, broken after hyphens (and at
/// spaces) where the whole id does not fit; a piece longer than the line stays whole.
pub(super) fn break_id(cell: &str, width: usize) -> String {
    if cell.chars().count() <= width || cell.contains('\n') {
        return cell.to_string();
    }
    let mut lines: Vec<String> = vec![String::new()];
    for (wi, word) in cell.split(' ').enumerate() {
        for (pi, piece) in word.split_inclusive('-').enumerate() {
            let sep = if wi > 0 && pi == 0 { " " } else { "" };
            let line = lines.last_mut().expect("one line at least");
            let len = line.chars().count();
            if len > 0 && len + sep.len() + piece.chars().count() > width {
                lines.push(piece.to_string());
            } else {
                if len > 0 {
                    line.push_str(sep);
                }
                line.push_str(piece);
            }
        }
    }
    lines.join("\n")
}

/// How many lines `cell` takes in a column `width` wide, wrapped as comfy-table wraps: at
/// spaces, closing a line early when no more than two characters are left on it.
fn height(cell: &str, width: usize) -> usize {
    cell.split('\n')
        .map(|line| {
            let (mut lines, mut len) = (0, 0);
            for word in line.split(' ') {
                let w = word.chars().count();
                if len > 0 && len + 1 + w > width {
                    lines += 1;
                    len = 0;
                }
                len += if len > 0 { 1 + w } else { w };
                if len > width.saturating_sub(2) {
                    lines += 1;
                    len = 0;
                }
            }
            (lines + usize::from(len > 0)).max(1)
        })
        .sum()
}

/// The lines each cell takes at each width its column may get, worked out once.
pub(super) struct Lines {
    min: Vec<usize>,
    /// `by_width[row][column][width - min[column]]`; row 0 is the header.
    by_width: Vec<Vec<Vec<usize>>>,
}

impl Lines {
    pub(super) fn new(
        header: &[String],
        body: &[Vec<String>],
        gives: &[Give],
        min: &[usize],
        max: &[usize],
    ) -> Lines {
        let by_width = std::iter::once(header)
            .chain(body.iter().map(Vec::as_slice))
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let id = gives.get(i) == Some(&Give::Id);
                        (min[i]..=max[i].max(min[i]))
                            .map(|w| {
                                if id {
                                    height(&break_id(c, w), w)
                                } else {
                                    height(c, w)
                                }
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Lines {
            min: min.to_vec(),
            by_width,
        }
    }

    /// What the table costs with these widths: above all its lines, then the lines of its cells
    /// (so that a cell that no longer wraps counts even when its row is still as tall).
    pub(super) fn cost(&self, widths: &[usize]) -> usize {
        self.by_width
            .iter()
            .map(|r| {
                let (mut tallest, mut all) = (1, 0);
                for (i, by_width) in r.iter().enumerate() {
                    let at = widths[i]
                        .saturating_sub(self.min[i])
                        .min(by_width.len() - 1);
                    tallest = tallest.max(by_width[at]);
                    all += by_width[at];
                }
                tallest * 1000 + all
            })
            .sum()
    }
}

/// Column widths that fit `room` without breaking a word (words are split at spaces only, as
/// comfy-table does, so a no-break space keeps "2025-01-15 –" together): each column gets its
/// longest word (header included), then the room left goes, a step at a time, where it saves
/// the most lines per character (see `Lines::cost`). `None` when even the longest words do not fit (then
/// comfy-table breaks words rather than overflow the terminal); all widest lines when they fit.
pub(super) fn fit(
    header: &[String],
    body: &[Vec<String>],
    gives: &[Give],
    room: usize,
) -> Option<Vec<usize>> {
    let len = |s: &str| s.chars().count();
    let give = |i: usize| gives.get(i).copied().unwrap_or_default();
    let cells = |i: usize| std::iter::once(&header[i]).chain(body.iter().map(move |r| &r[i]));
    let min: Vec<usize> = (0..header.len())
        .map(|i| {
            cells(i)
                .flat_map(|c| words(c, give(i)))
                .map(len)
                .max()
                .unwrap_or(0)
        })
        .collect();
    // No column is wider than the room (nor narrower than its longest word): the widths tried
    // for each cell are at most the room's, so fitting is linear in a cell's length.
    let max: Vec<usize> = (0..header.len())
        .map(|i| {
            let widest = cells(i).flat_map(|c| c.lines()).map(len).max().unwrap_or(0);
            widest.min(room).max(min[i])
        })
        .collect();
    if max.iter().sum::<usize>() <= room {
        return Some(max);
    }
    let need: usize = min.iter().sum();
    if need > room {
        return None;
    }
    let table = Lines::new(header, body, gives, &min, &max);
    let mut widths = min;
    let mut left = room - need;
    // Names first, then ids: each gets its whole width when that fits beside the others'
    // longest words, so that an id breaks only to keep a name whole.
    for kind in [Give::Name, Give::Id] {
        for i in (0..widths.len()).filter(|&i| give(i) == kind) {
            let whole = if kind == Give::Name {
                max[i].min(NAME_ROOM)
            } else {
                max[i]
            };
            let want = whole.saturating_sub(widths[i]);
            if want <= left {
                widths[i] += want;
                left -= want;
            }
        }
    }
    let mut lines = table.cost(&widths);
    loop {
        // The step (column, extra width) that saves the most lines per character.
        let mut best: Option<(usize, usize, usize)> = None;
        for i in 0..widths.len() {
            for extra in 1..=left.min(max[i] - widths[i]) {
                let mut w = widths.clone();
                w[i] += extra;
                let saved = lines - table.cost(&w).min(lines);
                if saved > 0 && best.is_none_or(|(_, e, s)| saved * e > s * extra) {
                    best = Some((i, extra, saved));
                }
            }
        }
        let Some((i, extra, saved)) = best else {
            break;
        };
        widths[i] += extra;
        left -= extra;
        lines -= saved;
    }
    // What no step can use goes to the columns that still wrap, so the table fills the room.
    while left > 0 {
        let Some(i) = (0..widths.len())
            .filter(|&i| widths[i] < max[i])
            .max_by_key(|&i| max[i] - widths[i])
        else {
            break;
        };
        widths[i] += 1;
        left -= 1;
    }
    Some(widths)
}
