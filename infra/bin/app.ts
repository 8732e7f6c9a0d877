import { App } from 'aws-cdk-lib';
import { defineYilinApp } from '../lib/yilin-app';

defineYilinApp(new App());
