// Jest global teardown: stops the throwaway PostgreSQL server that test/setup/postgres.js started.
module.exports = require('./postgres').teardown;
