import { DIAGRAM_LIMITS } from './errors.ts';

/**
 * How mermaid draws the site's diagrams, in the light and the dark theme. Browser-safe (no Node
 * imports): the build renderer and the `notes-diagram` element use the same settings, and the
 * settings are part of every diagram's cache key, so changing a colour here re-renders them all.
 *
 * The colours are the site palette from `src/styles/base.css` (`--surface`, `--text`, `--accent`…);
 * `tests/diagrams/theme.test.ts` checks that they stay in step.
 */
export const DIAGRAM_THEMES = ['light', 'dark'] as const;
export type DiagramTheme = (typeof DIAGRAM_THEMES)[number];

/** The site palette, as in `base.css`: `[light, dark]`. */
export const PALETTE = {
	surface: ['#ffffff', '#161a21'],
	surface2: ['#f2f4f8', '#1d222b'],
	text: ['#1b1f27', '#e6e9ef'],
	muted: ['#5b6472', '#9aa3b2'],
	border: ['#e1e5ec', '#2a303b'],
	accent: ['#2f5bd3', '#8ab4ff'],
	accentSoft: ['#e8eefc', '#1c2a48'],
	caution: ['#cf222e', '#ff7b72'],
} as const satisfies Record<string, readonly [string, string]>;

export const DIAGRAM_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Mermaid's configuration for one theme (passed to `mermaid.initialize`). */
export function mermaidConfig(theme: DiagramTheme) {
	const i = theme === 'light' ? 0 : 1;
	const c = (name: keyof typeof PALETTE) => PALETTE[name][i];
	return {
		startOnLoad: false,
		securityLevel: 'strict',
		...DIAGRAM_LIMITS,
		// Ids come from the render id (`dg-<hash>-<theme>`), never from the clock.
		deterministicIds: true,
		// Plain SVG text: page styles cannot reach the labels, and the zoom dialog can clone them.
		htmlLabels: false,
		theme: 'base',
		darkMode: theme === 'dark',
		fontFamily: DIAGRAM_FONT,
		themeVariables: {
			darkMode: theme === 'dark',
			fontFamily: DIAGRAM_FONT,
			fontSize: '15px',
			background: c('surface'),
			primaryColor: c('accentSoft'),
			primaryBorderColor: c('accent'),
			primaryTextColor: c('text'),
			secondaryColor: c('surface2'),
			secondaryBorderColor: c('muted'),
			secondaryTextColor: c('text'),
			tertiaryColor: c('surface'),
			tertiaryBorderColor: c('border'),
			tertiaryTextColor: c('text'),
			textColor: c('text'),
			lineColor: c('muted'),
			titleColor: c('text'),
			nodeTextColor: c('text'),
			clusterBkg: c('surface2'),
			clusterBorder: c('muted'),
			edgeLabelBackground: c('surface'),
			noteBkgColor: c('surface2'),
			noteTextColor: c('text'),
			noteBorderColor: c('muted'),
			actorBkg: c('accentSoft'),
			actorBorder: c('accent'),
			actorTextColor: c('text'),
			actorLineColor: c('muted'),
			signalColor: c('text'),
			signalTextColor: c('text'),
			labelBoxBkgColor: c('surface2'),
			labelBoxBorderColor: c('muted'),
			labelTextColor: c('text'),
			loopTextColor: c('text'),
			sequenceNumberColor: c('surface'),
			errorBkgColor: c('surface2'),
			errorTextColor: c('caution'),
			archEdgeColor: c('muted'),
			archEdgeArrowColor: c('muted'),
			archGroupBorderColor: c('muted'),
			// mermaid's default is a light grey glow, which reads as a halo on the dark surface.
			dropShadow: theme === 'light' ? 'drop-shadow(0px 1px 2px rgba(27, 31, 39, 0.18))' : 'drop-shadow(0px 1px 2px rgba(0, 0, 0, 0.6))',
		},
		architecture: { seed: 1, padding: 40, iconSize: 72, fontSize: 15 },
	};
}

export type MermaidSiteConfig = ReturnType<typeof mermaidConfig>;
