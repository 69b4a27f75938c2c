// The smallest Vue app: the baseline the customer page's JavaScript is compared against.
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
