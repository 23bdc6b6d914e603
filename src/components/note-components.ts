import Diagram from './Diagram.astro';
import Figure from './Figure.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';

/** The MDX components notes may use, wherever a note's content is rendered. */
export const noteComponents = { Tabs, Tab, Figure, Diagram };
