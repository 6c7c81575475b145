/** Light fills, one per account × region lane; dark text stays readable on each. Orange is kept for warnings. */
export const LANE_FILLS = [
  '#bbdefb',
  '#c8e6c9',
  '#e1bee7',
  '#b2ebf2',
  '#f8bbd0',
  '#f0f4c3',
  '#d1c4e9',
  '#b2dfdb',
  '#fff9c4',
  '#cfd8dc',
  '#c5cae9',
  '#d7ccc8',
];

export const NODE_TEXT = '#212121';
export const WARNING_COLOUR = '#b26a00';

export function laneFill(colour: number): string {
  return LANE_FILLS[colour % LANE_FILLS.length];
}
