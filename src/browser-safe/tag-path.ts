// Browser-safe (github-slugger only): a tag page's path, shared by the tag pages and the tag links the DOM contract builds.
import { slug as slugify } from 'github-slugger';

/** A tag page's path below the site's base: `aws/networking` → `tags/aws/networking`. */
export const tagPagePath = (tag: string): string => `tags/${tag.split('/').filter(Boolean).map((segment) => slugify(segment) || 'tag').join('/')}`;
