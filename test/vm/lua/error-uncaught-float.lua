-- An uncaught float error object with an integral value is converted by lua_tostring ("2.0").
error(2.0)
-- expect error: 2.0
