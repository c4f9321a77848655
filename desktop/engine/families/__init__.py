"""One module per rule family, shaped like the law: reach, in force, exceptions, consequence."""
