import { createTheme, type MantineColorsTuple } from '@mantine/core';

const brand: MantineColorsTuple = [
  '#e6f7f0',
  '#c9ebdc',
  '#a0dcc3',
  '#74cba8',
  '#4fbc91',
  '#36b283',
  '#27a275',
  '#1f8a63',
  '#1f7a5a',
  '#12533c',
];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand },
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
});
