// cxdesk in a React 19 app, through cxdesk/react (bundled with React by npm start).
import { React, createRoot, CxDesk, CxCustomerPanel, CxNextActions, CxInteractionHistory } from '../../.cache/react-bundle.js';
import { createRestAdapter } from '../../dist/index.js';

const h = React.createElement;
const adapter = createRestAdapter({ baseUrl: '/api/cx/' });

function App() {
  const [customerId, setCustomerId] = React.useState('c-1002');
  const [log, setLog] = React.useState([]);
  return h(
    React.Fragment,
    null,
    h('label', null, 'Customer ', h('select', { value: customerId, onChange: (e) => setCustomerId(e.target.value) },
      h('option', { value: 'c-1001' }, 'Ada Quinn'),
      h('option', { value: 'c-1002' }, 'Northwind Logistics'),
    )),
    h('ul', { className: 'vue-log' }, log.map((line, i) => h('li', { key: i }, line))),
    h(
      CxDesk,
      { customerId, adapter, onActionAccept: (e) => setLog((l) => [`Accepted “${e.detail.action.title}”`, ...l]) },
      h(CxCustomerPanel),
      h('div', { className: 'portal-columns' }, h(CxNextActions, { max: 3 }), h(CxInteractionHistory)),
    ),
  );
}

createRoot(document.querySelector('#app')).render(h(App));
