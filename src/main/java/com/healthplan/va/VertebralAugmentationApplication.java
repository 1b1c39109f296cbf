package com.healthplan.va;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class VertebralAugmentationApplication {
  public static void main(String[] args) {
    SpringApplication.run(VertebralAugmentationApplication.class, args);
  }
}
