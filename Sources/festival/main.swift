print("festival")
