// Tests of IBSimulator go here.
