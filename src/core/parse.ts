import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// Built once: creating a unified processor and freezing it costs more than a small parse.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();

/** Parses Markdown (CommonMark + GFM + YAML frontmatter) into mdast with source offsets. */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
