// DEV ONLY: the fake host must define acquireVsCodeApi before the app starts.
import './fakeHost';
import '../main';
