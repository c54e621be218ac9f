// cxdesk in a Vue 3 app. Vue needs to know which tags are custom elements (isCustomElement); objects
// such as the adapter go in as properties (.prop), events come out as @cx-… listeners.
import { createApp, ref } from 'vue/dist/vue.esm-browser.js';
import '../src/define.js';
import { createRestAdapter } from '../src/index.js';

const app = createApp({
  setup() {
    const adapter = createRestAdapter({ baseUrl: '/api/cx/' });
    const customerId = ref('c-1001');
    const log = ref<string[]>([]);
    const onAccept = (e: CustomEvent) => log.value.unshift(`Accepted “${e.detail.action.title}”`);
    return { adapter, customerId, log, onAccept };
  },
  template: `
    <label>Customer
      <select v-model="customerId">
        <option value="c-1001">Ada Quinn</option>
        <option value="c-1002">Northwind Logistics</option>
        <option value="c-1004">c-1004</option>
      </select>
    </label>
    <ul class="vue-log"><li v-for="line in log">{{ line }}</li></ul>
    <cx-desk :customer-id="customerId" :adapter.prop="adapter" @cx-action-accept="onAccept"></cx-desk>
  `,
});
app.config.compilerOptions.isCustomElement = (tag: string) => tag.startsWith('cx-');
app.mount('#app');
