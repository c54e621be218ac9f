// The self-contained browser build of Vue has the same API as 'vue'.
declare module 'vue/dist/vue.esm-browser.js' {
  export * from 'vue';
}
