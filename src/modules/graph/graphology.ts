/**
 * The graphology packages, as this project's module settings see them: they are CommonJS packages whose type
 * declarations say `export default`, which TypeScript (NodeNext) reads as a namespace holding `default` while Node
 * hands the function itself. One place resolves both, so that the rest of the module imports plain values.
 */
import graphologyModule from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';

const interop = <T>(module: unknown): T => ((module as { default?: T }).default ?? module) as T;

export const Graph = interop<typeof graphologyModule.default>(graphologyModule);
export type Graph = InstanceType<typeof Graph>;
export const louvain = interop<typeof louvainModule.default>(louvainModule);
export const betweenness = interop<typeof betweennessModule.default>(betweennessModule);
export { connectedComponents } from 'graphology-components';
export { bidirectional } from 'graphology-shortest-path/unweighted.js';
