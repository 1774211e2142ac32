/**
 * The texts of the manual and the agreements are plain files with "# Title", "## Heading" and
 * paragraphs. Parsed into data and rendered as React elements: never injected as HTML.
 */
export interface ProseSection {
  heading: string | null;
  paragraphs: string[];
}

export interface ProseDocument {
  title: string;
  sections: ProseSection[];
}

export function parseProse(text: string): ProseDocument {
  let title = '';
  const sections: ProseSection[] = [];
  let current: ProseSection | null = null;
  for (const block of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    for (const line of block.split('\n')) {
      const trimmed = line.trim();
      if (trimmed === '') continue;
      if (trimmed.startsWith('## ')) {
        current = { heading: trimmed.slice(3).trim(), paragraphs: [] };
        sections.push(current);
      } else if (trimmed.startsWith('# ')) {
        title = trimmed.slice(2).trim();
      } else {
        if (!current) {
          current = { heading: null, paragraphs: [] };
          sections.push(current);
        }
        current.paragraphs.push(trimmed);
      }
    }
  }
  return { title, sections };
}
